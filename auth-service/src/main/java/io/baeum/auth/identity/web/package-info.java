/** The identity feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.identity.web;

import org.jspecify.annotations.NullMarked;
