/** Flags, allowed networks, employers and the session evidence the sweep reads, in PostgreSQL. */
@NullMarked
package io.baeum.learning.proxystudy.persistence;

import org.jspecify.annotations.NullMarked;
