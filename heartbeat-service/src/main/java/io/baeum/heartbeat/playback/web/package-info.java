@NullMarked
package io.baeum.heartbeat.playback.web;

import org.jspecify.annotations.NullMarked;
