/** Material file storage adapters (the local filesystem). */
@NullMarked
package io.baeum.learning.board.storage;

import org.jspecify.annotations.NullMarked;
