/** The session feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.auth.session.domain;

import org.jspecify.annotations.NullMarked;
