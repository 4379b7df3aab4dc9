package org.gn4j.gn.core;

/** What an iteration callback tells the loop (as Ceres's {@code CallbackReturnType}). */
public enum CallbackReturn {
    /** Go on. */
    CONTINUE,
    /** Stop now and report success ({@link org.gn4j.gn.TerminationReason#USER_SUCCESS}). */
    STOP,
    /** Stop now and report failure ({@link org.gn4j.gn.TerminationReason#USER_ABORT}). */
    ABORT
}
