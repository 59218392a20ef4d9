/** The boards' HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.board.web;

import org.jspecify.annotations.NullMarked;
