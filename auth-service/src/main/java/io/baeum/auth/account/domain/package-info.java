/** The account feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.auth.account.domain;

import org.jspecify.annotations.NullMarked;
