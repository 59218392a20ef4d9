/** Boards in PostgreSQL, and the reads that tell a caller's role in a course. */
@NullMarked
package io.baeum.learning.board.persistence;

import org.jspecify.annotations.NullMarked;
