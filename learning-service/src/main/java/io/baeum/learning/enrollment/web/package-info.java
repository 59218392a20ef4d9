/** The enrollment feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.enrollment.web;

import org.jspecify.annotations.NullMarked;
