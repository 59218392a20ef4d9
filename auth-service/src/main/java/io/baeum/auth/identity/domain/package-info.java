/** The identity feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.auth.identity.domain;

import org.jspecify.annotations.NullMarked;
