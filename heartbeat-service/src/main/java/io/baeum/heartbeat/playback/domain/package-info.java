@NullMarked
package io.baeum.heartbeat.playback.domain;

import org.jspecify.annotations.NullMarked;
