/** Proxy-study detection as plain Java: shared addresses across employers, one account on two devices, CIDR allow-lists. */
@NullMarked
package io.baeum.learning.proxystudy.domain;

import org.jspecify.annotations.NullMarked;
