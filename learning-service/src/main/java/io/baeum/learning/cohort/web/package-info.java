/** The cohort feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.cohort.web;

import org.jspecify.annotations.NullMarked;
