/** Weft's test kit for JUnit 5: goroutine leak check, deadlock detection and virtual time. */
package dev.weft.test;
