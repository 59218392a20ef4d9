@NullMarked
package io.baeum.heartbeat;

import org.jspecify.annotations.NullMarked;
