/** The playback feature of learning: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.learning.playback;

import org.jspecify.annotations.NullMarked;
