/** The audit feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.auth.audit.domain;

import org.jspecify.annotations.NullMarked;
