/** The policy feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.learning.policy.domain;

import org.jspecify.annotations.NullMarked;
