@NullMarked
package io.baeum.heartbeat.playback.state;

import org.jspecify.annotations.NullMarked;
