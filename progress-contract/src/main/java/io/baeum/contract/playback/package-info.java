@NullMarked
package io.baeum.contract.playback;

import org.jspecify.annotations.NullMarked;
