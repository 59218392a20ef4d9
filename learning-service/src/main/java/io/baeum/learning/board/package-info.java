/** The boards of learning: notices, Q&A, discussions and course materials; application services, the storage port. */
@NullMarked
package io.baeum.learning.board;

import org.jspecify.annotations.NullMarked;
