@NullMarked
package io.baeum.heartbeat.emission;

import org.jspecify.annotations.NullMarked;
