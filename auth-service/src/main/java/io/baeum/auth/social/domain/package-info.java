/** The social feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.auth.social.domain;

import org.jspecify.annotations.NullMarked;
