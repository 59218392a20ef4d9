/** Board rules as plain Java: who may read, write, edit and moderate a post, a reply or a material. */
@NullMarked
package io.baeum.learning.board.domain;

import org.jspecify.annotations.NullMarked;
