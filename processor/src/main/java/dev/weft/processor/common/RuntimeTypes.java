package dev.weft.processor.common;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code names. Kept as names, not classes: the processor must not load
 * the runtime it generates code for (it may be a different version on the user's class path).
 */
public final class RuntimeTypes {

    private RuntimeTypes() {}

    public static final String GO = "dev.weft.annotation.Go";
    public static final String OUT = "dev.weft.annotation.Out";

    public static final ClassName CHAN = ClassName.get("dev.weft.chan", "Chan");
    public static final ClassName SEND_CHAN = ClassName.get("dev.weft.chan", "SendChan");
    public static final ClassName RECV_CHAN = ClassName.get("dev.weft.chan", "RecvChan");
    public static final ClassName CONTEXT = ClassName.get("dev.weft.context", "Context");
    public static final ClassName SCOPE = ClassName.get("dev.weft.goroutine", "Scope");
    public static final ClassName HANDLE = ClassName.get("dev.weft.goroutine", "Handle");
}
