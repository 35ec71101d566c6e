"""Function summaries of C#, Kotlin, C, C++, Ruby and PHP: names, spans, complexity, nesting."""

from __future__ import annotations

import pytest

from auditor.index.syntax import parse_syntax
from tests.index.test_syntax import summary


def test_csharp_functions() -> None:
    source = """\
    namespace App {
      class Store {
        int Count { get { return items ?? 0; } set { items = value; } }
        Store() {}
        int Pick(int a) {
          if (a > 1 && ok) { return 1; } else if (a < 0) { return 2; }
          switch (a) { case 1: case 2: break; default: break; }
          var y = a switch { 1 => 2, _ => 3 };
          Func<int, int> f = x => x > 0 ? x : -x;
          try { } catch (IOException e) when (e.HResult == 1) { }
          return y;
        }
        int Twice() => 2;
        abstract void Later();
        interface IShape { double Area(); }
      }
    }
    """
    assert summary("csharp", source) == [
        ("Store.Count.get", 3, 3, 2, 0),
        ("Store.Count.set", 3, 3, 1, 0),
        ("Store.Store", 4, 4, 1, 0),
        ("Store.Pick", 5, 12, 9, 1),
        ("<lambda>", 9, 9, 2, 0),
        ("Store.Twice", 13, 13, 1, 0),
    ]


def test_kotlin_functions() -> None:
    source = """\
    class Store {
        companion object {
            fun create() = Store()
        }

        constructor(size: Int) : this() {
        }

        fun pick(a: Int): Int {
            if (a > 1 && ok || other) {
                return 1
            } else if (a < 0) {
                return 2
            }
            val x = when (a) {
                1, 2 -> 3
                else -> 4
            }
            items.forEach { if (it) use(it) }
            try {
            } catch (e: Exception) {
            }
            return x ?: 0
        }

        abstract fun later(): Int
    }
    """
    assert summary("kotlin", source) == [
        ("Store.create", 3, 3, 1, 0),
        ("Store.constructor", 6, 7, 1, 0),
        ("Store.pick", 9, 24, 9, 1),
    ]


def test_c_functions() -> None:
    source = """\
    static int pick(int a, char **b) {
      if (a && b || c) { return 1; } else if (a) { return 2; }
      switch (a) { case 1: break; default: break; }
      for (;;) { while (a) { a--; } }
      return a ? 1 : 2;
    }
    int *empty(void) { return 0; }
    """
    assert summary("c", source) == [("pick", 1, 6, 9, 2), ("empty", 7, 7, 1, 0)]


def test_cpp_functions_and_rvalue_references() -> None:
    source = """\
    namespace app {
    class Store {
     public:
      int pick(T&& t) { if (a && b) {} return [](int x) { return x ? 1 : 0; }(1); }
      ~Store() {}
    };
    }
    void Store::load(std::string&& path) const {
      try { for (auto x : v) {} } catch (const Error& e) {}
    }
    """
    assert summary("cpp", source) == [
        ("Store.pick", 4, 4, 3, 1),
        ("<lambda>", 4, 4, 2, 0),
        ("Store.~Store", 5, 5, 1, 0),
        ("Store.load", 8, 10, 3, 2),
    ]


def test_headers_parse_with_the_cpp_grammar() -> None:
    header = b"class Store {\n public:\n  int size() const { return n; }\n};\n"
    result = parse_syntax("c", header, "include/store.h")
    assert result.language == "c"
    assert result.error_lines == ()
    assert [f.name for f in result.functions] == ["Store.size"]


def test_ruby_methods() -> None:
    source = """\
    module Shop
      class Store
        def pick(a)
          if a && b || c and d
            1
          elsif a
            2
          end
          x = a ? 1 : 2
          y = 3 if z
          case a
          when 1, 2 then 3
          else 4
          end
          items.each do |i|
            puts i unless i
          end
          begin
            x
          rescue IOError
            y
          end
        end

        def self.build; end
      end
    end
    """
    assert summary("ruby", source) == [
        ("Shop.Store.pick", 3, 23, 11, 1),
        ("Shop.Store.build", 25, 25, 1, 0),
    ]


def test_php_functions() -> None:
    source = """\
    <?php
    function pick($a) {
        if ($a && $b || $c) { return 1; } elseif ($a) { return 2; } else if ($b) { }
        switch ($a) { case 1: break; default: break; }
        $x = match($a) { 1, 2 => 3, default => 4 };
        $f = fn($x) => $x ?? 1;
        try { } catch (Exception $e) { }
        return $a ? 1 : 2;
    }
    abstract class Store {
        public function load() { foreach ($a as $b) { } }
        abstract function later();
    }
    """
    assert summary("php", source) == [
        ("pick", 2, 9, 10, 1),
        ("<closure>", 6, 6, 2, 0),
        ("Store.load", 11, 11, 2, 1),
    ]


HOSTILE = [
    ("csharp", b"class A { bool F() { return " + b" || ".join([b"a"] * 10000) + b"; } }"),
    ("kotlin", b"fun f() {" + b"if (a) {" * 3000 + b"}" * 3000 + b"}"),
    ("c", b"int f(void) { return " + b" && ".join([b"a"] * 10000) + b"; }"),
    ("cpp", b"void f() {" + b"if (a) {} else " * 5000 + b"{} }"),
    ("ruby", b"def f\n" + b"if a\n" * 3000 + b"end\n" * 3000 + b"end\n"),
    ("php", b"<?php function f() { return " + b" || ".join([b"$a"] * 10000) + b"; }"),
]


@pytest.mark.parametrize(("language", "source"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_does_not_crash(language: str, source: bytes) -> None:
    result = parse_syntax(language, source)
    assert len(result.error_lines) <= 20
    (function,) = result.functions
    assert function.complexity > 1000
