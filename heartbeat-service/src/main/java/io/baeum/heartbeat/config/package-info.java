@NullMarked
package io.baeum.heartbeat.config;

import org.jspecify.annotations.NullMarked;
