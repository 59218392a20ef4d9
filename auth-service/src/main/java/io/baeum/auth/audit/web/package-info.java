/** The audit feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.auth.audit.web;

import org.jspecify.annotations.NullMarked;
