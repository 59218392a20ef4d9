/** The cohort feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.learning.cohort.domain;

import org.jspecify.annotations.NullMarked;
