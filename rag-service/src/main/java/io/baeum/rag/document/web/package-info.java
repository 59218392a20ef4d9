@NullMarked
package io.baeum.rag.document.web;

import org.jspecify.annotations.NullMarked;
