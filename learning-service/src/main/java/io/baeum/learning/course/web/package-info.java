/** The course feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.course.web;

import org.jspecify.annotations.NullMarked;
