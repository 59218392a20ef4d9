/** The token feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.token.web;

import org.jspecify.annotations.NullMarked;
