/** The social feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.social.web;

import org.jspecify.annotations.NullMarked;
