@NullMarked
package io.baeum.heartbeat.playback;

import org.jspecify.annotations.NullMarked;
