/** The enrollment feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.learning.enrollment.domain;

import org.jspecify.annotations.NullMarked;
