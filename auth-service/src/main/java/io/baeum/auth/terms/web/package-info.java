/** The terms feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.terms.web;

import org.jspecify.annotations.NullMarked;
