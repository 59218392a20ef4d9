/**
 * The error model shared by every service's domain: {@link io.baeum.common.error.DomainException} with a
 * stable code and an {@link io.baeum.common.error.ErrorKind}. No Spring and no web types here.
 */
@NullMarked
package io.baeum.common.error;

import org.jspecify.annotations.NullMarked;
