/** The account feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.account.web;

import org.jspecify.annotations.NullMarked;
