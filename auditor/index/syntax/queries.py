"""The one tree-sitter query per grammar that finds functions, scopes, blocks and decisions."""

from __future__ import annotations

# Capture names (their meaning is implemented in `summarise`):
#   @fn      a function, method or closure with a body: gets its own summary
#   @cls     a class-like scope (class, interface, impl, trait): qualifies method names
#   @ignore  code whose decisions count for no function (Python asserts, as radon counts);
#            never holds a function or a block, and never nests in another @ignore
#   @branch  a decision that also opens a nested block (for, while, do; Python's if)
#   @if      a @branch that may continue an else-if chain: an if that ends where the if
#            around it ends is that if's `else if` (it decides but does not nest deeper)
#   @nest    a block that nests without deciding (try, with, match, switch)
#   @dec     a decision inside an expression or a clause (+1 complexity)
#   @wild    a catch-all case already captured as @dec (-1 complexity: it decides nothing)
#   @import  an import: a statement, or the string naming the imported module (see `imports`)
# Patterns are single nodes or tokens wherever possible. The query's cost is one walk over
# the tree, and a pattern with a child stays open until that child is seen: nested deeply
# (a chain of 20,000 `&&` holds the `(binary_expression operator: "&&")` of every link open
# at once) that turns quadratic. The few child patterns left close on their first child, or
# are Python's, whose indentation tree-sitter caps at a few hundred levels.

PYTHON = """
(function_definition) @fn
(class_definition) @cls
(assert_statement) @ignore
[(if_statement) (for_statement) (while_statement)] @branch
[(try_statement) (with_statement) (match_statement)] @nest
[(elif_clause) (except_clause) (conditional_expression) (boolean_operator)
 (for_in_clause) (if_clause) (case_clause)] @dec
(for_statement alternative: (else_clause) @dec)
(while_statement alternative: (else_clause) @dec)
(try_statement (else_clause) @dec)
(case_clause (case_pattern "_")) @wild
[(import_statement) (import_from_statement)] @import
"""
"""Python, counted as radon's `cc_visit(no_assert=True)` counts: loop and try `else` decide,
an `if`'s `else` does not, a `case _:` does not, an `assert` and what it holds do not (tests
would read as complex); `with` nests but does not decide."""

_ECMASCRIPT_COMMON = """
[(function_declaration) (generator_function_declaration) (function_expression)
 (generator_function) (arrow_function) (method_definition)] @fn
(if_statement) @if
[(for_statement) (for_in_statement) (while_statement) (do_statement)] @branch
[(try_statement) (switch_statement) (with_statement)] @nest
[(switch_case) (catch_clause) (ternary_expression)] @dec
["&&" "||" "??" "&&=" "||=" "??="] @dec
(import_statement source: (string) @import)
(export_statement source: (string) @import)
"""

JAVASCRIPT = _ECMASCRIPT_COMMON + "[(class_declaration) (class)] @cls\n"

TYPESCRIPT = (
    _ECMASCRIPT_COMMON + "[(class_declaration) (class) (abstract_class_declaration)] @cls\n"
)
"""TypeScript and TSX: overloads and abstract methods have no body and are separate node types."""

GO = """
(function_declaration body: (block)) @fn
(method_declaration body: (block)) @fn
(func_literal) @fn
(if_statement) @if
(for_statement) @branch
[(expression_switch_statement) (type_switch_statement) (select_statement)] @nest
[(expression_case) (type_case) (communication_case)] @dec
["&&" "||"] @dec
(import_spec path: (_) @import)
"""

RUST = """
[(function_item) (closure_expression)] @fn
[(impl_item) (trait_item)] @cls
(if_expression) @if
[(while_expression) (for_expression)] @branch
[(loop_expression) (match_expression)] @nest
(match_arm) @dec
(match_arm pattern: (match_pattern "_")) @wild
["&&" "||"] @dec
(use_declaration argument: (_) @import)
"""
"""Rust: `loop` nests but does not decide (its exits are decided elsewhere); nor does let-else
(finding it takes a pattern that stays open across the let's value). `&&` and `||` are
tokens only as binary operators (`&&x` is two `&`, `|| x` is a closure's two `|`)."""

JAVA = """
(method_declaration body: (block)) @fn
[(constructor_declaration) (compact_constructor_declaration) (lambda_expression)] @fn
[(class_declaration) (interface_declaration) (enum_declaration) (record_declaration)] @cls
(if_statement) @if
[(for_statement) (enhanced_for_statement) (while_statement) (do_statement)] @branch
[(try_statement) (try_with_resources_statement) (switch_expression)
 (synchronized_statement)] @nest
[(catch_clause) (ternary_expression)] @dec
["case" "&&" "||"] @dec
(import_declaration) @import
"""

CSHARP = """
[(method_declaration body: (_)) (accessor_declaration body: (_))] @fn
[(constructor_declaration) (destructor_declaration) (operator_declaration)
 (conversion_operator_declaration) (local_function_statement) (lambda_expression)
 (anonymous_method_expression)] @fn
[(class_declaration) (struct_declaration) (interface_declaration) (record_declaration)] @cls
(if_statement) @if
[(for_statement) (foreach_statement) (while_statement) (do_statement)] @branch
[(try_statement) (switch_statement) (switch_expression) (using_statement)
 (lock_statement)] @nest
[(catch_clause) (conditional_expression) (switch_expression_arm) (when_clause)
 (catch_filter_clause)] @dec
(switch_expression_arm (discard)) @wild
["case" "&&" "||" "??" "??="] @dec
"""
"""C#: bodiless (abstract, interface, partial) methods and accessors are not functions; an
expression-bodied one (`=> x`) is. A `case` label, a switch-expression arm but `_`, a `when`
guard and a catch filter decide."""

KOTLIN = """
(function_declaration (function_body)) @fn
[(secondary_constructor) (anonymous_function)] @fn
[(class_declaration) (object_declaration)] @cls
(if_expression) @if
[(for_statement) (while_statement) (do_while_statement)] @branch
[(try_expression) (when_expression)] @nest
[(when_entry) (catch_block)] @dec
(when_entry "else") @wild
["&&" "||" "?:"] @dec
"""
"""Kotlin: a lambda belongs to the function it is written in, as detekt counts it (`apply {}`,
`forEach {}` and builder DSLs are how Kotlin spells blocks); an anonymous `fun` is a function
of its own. A `when` entry but `else` decides, and so does the elvis operator `?:`."""

C = """
(function_definition) @fn
(if_statement) @if
[(for_statement) (while_statement) (do_statement)] @branch
(switch_statement) @nest
(conditional_expression) @dec
["case" "&&" "||"] @dec
"""
"""C: each `case` label decides, `default` does not."""

CPP = """
[(function_definition) (lambda_expression)] @fn
[(class_specifier) (struct_specifier) (union_specifier)] @cls
(if_statement) @if
[(for_statement) (for_range_loop) (while_statement) (do_statement)] @branch
[(switch_statement) (try_statement)] @nest
[(conditional_expression) (catch_clause)] @dec
["case" "&&" "||"] @dec
(reference_declarator "&&" @wild)
(abstract_reference_declarator "&&" @wild)
"""
"""C++ (and C headers, see `grammars.grammar_for`): the `&&` of an rvalue reference (`T&&`)
is the same token as the logical and, so it is taken back out (@wild)."""

RUBY = """
[(method) (singleton_method)] @fn
[(class) (module)] @cls
[(if) (unless) (while) (until) (for)] @branch
[(case) (case_match) (begin)] @nest
[(elsif) (when) (in_clause) (rescue) (conditional) (if_modifier) (unless_modifier)
 (while_modifier) (until_modifier) (rescue_modifier)] @dec
["&&" "||" "and" "or"] @dec
"""
"""Ruby, counted as RuboCop's Metrics/CyclomaticComplexity counts the branches: blocks and
lambdas belong to the method they are written in (`each do ... end` is a loop), and code
outside any method (DSL blocks such as `describe` or `task`) belongs to no function.
An `elsif` decides without nesting; a modifier (`x if y`) decides too."""

PHP = """
[(function_definition) (method_declaration body: (_))] @fn
[(anonymous_function) (arrow_function)] @fn
[(class_declaration) (interface_declaration) (trait_declaration) (enum_declaration)] @cls
(if_statement) @if
[(for_statement) (foreach_statement) (while_statement) (do_statement)] @branch
[(try_statement) (switch_statement) (match_expression)] @nest
[(else_if_clause) (case_statement) (match_conditional_expression) (catch_clause)
 (conditional_expression)] @dec
["&&" "||" "and" "or" "xor" "??" "??="] @dec
"""
"""PHP: abstract and interface methods have no body and are not functions; `elseif` decides
without nesting, `default` and a match arm's `default` do not decide."""

QUERIES: dict[str, str] = {
    "python": PYTHON,
    "javascript": JAVASCRIPT,
    "typescript": TYPESCRIPT,
    "tsx": TYPESCRIPT,
    "go": GO,
    "rust": RUST,
    "java": JAVA,
    "csharp": CSHARP,
    "kotlin": KOTLIN,
    "c": C,
    "cpp": CPP,
    "ruby": RUBY,
    "php": PHP,
}
"""Query source per grammar name (`tsx` is TypeScript's JSX grammar)."""
