/** Annotations read by the Weft processor at compile time: {@code @Go}, {@code @Out}, {@code @Select} and its cases. */
package dev.weft.annotation;
