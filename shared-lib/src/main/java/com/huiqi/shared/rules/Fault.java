package com.huiqi.shared.rules;

/**
 * Why a piece of a rule is ill-formed, found by {@link Typing}. The parser turns it into a 422 naming
 * the JSON path; the AST constructors into an {@link IllegalArgumentException}, so an ill-typed rule
 * cannot be built in code either.
 *
 * @param field where, relative to the node being checked ("" for the node itself)
 */
record Fault(String field, String zh, String en) {

    IllegalArgumentException toException() {
        return new IllegalArgumentException(en);
    }

    static void check(Fault fault) {
        if (fault != null) {
            throw fault.toException();
        }
    }
}
