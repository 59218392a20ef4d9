/** The course feature's domain: plain-Java rules and types, errors as ErrorKinds; no Spring. */
@NullMarked
package io.baeum.learning.course.domain;

import org.jspecify.annotations.NullMarked;
