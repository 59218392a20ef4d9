/** The playback feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.playback.web;

import org.jspecify.annotations.NullMarked;
