"""Which rake tasks run the test suite: through the tasks a body invokes, in namespaces, and in
a Rakefile below the root, and the test command that follows."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject, chosen, job, workflow

INVOKING = (
    "require 'rake/testtask'\n\ntask(default: [:test, :rubocop])\n\n"
    "Rake::TestTask.new(:base_test) do |t|\n  t.test_files = FileList['test/**/*_test.rb']\nend\n\n"
    "task :rubocop do\n  puts 'lint'\nend\n\n"
    "task :test do\n  ENV['MODE'] = 'lax'\n  Rake::Task['base_test'].invoke\n"
    "  ENV['MODE'] = 'strict'\n  Rake::Task['base_test'].reenable\n"
    "  Rake::Task['base_test'].invoke\nend\n"
)
MINITEST = "require 'minitest/autorun'\n\nclass ATest < Minitest::Test\n  def test_a; end\nend\n"


def test_a_task_whose_body_invokes_a_test_task_runs_the_tests(make_subject: MakeSubject) -> None:
    files = {
        "Rakefile": INVOKING,
        "Gemfile": "source 'https://rubygems.org'\ngemspec\n",
        "test/unit/a_test.rb": MINITEST,
        "CONTRIBUTING.md": "* Make sure all tests pass (`bundle exec rake`)\n",
    }
    assert chosen(make_subject, files)[0] == (
        "bundle exec rake", "CONTRIBUTING.md", 1, "documented",
    )  # fmt: skip
    del files["CONTRIBUTING.md"]
    assert chosen(make_subject, files)[0][:2] == ("bundle exec rake", "Rakefile")
    # a task that only prints runs nothing
    files["Rakefile"] = INVOKING.replace("Rake::Task['base_test'].invoke", "puts 'x'")
    files["Rakefile"] = files["Rakefile"].replace("task(default: [:test, :rubocop])", "")
    subject = make_subject(files)
    assert "bundle exec rake" not in [c.text for c in subject.facts.test_commands]


NAMESPACED = (
    "namespace :test do\n"
    "  task :all => [:clean, 'test:unit', :style]\n"
    "  task :ci => [:clean, 'test:unit', 'test:make']\n\n"
    "  task :unit => [:config] do\n    run_tests unit_test_files\n  end\n\n"
    "  task :make => [:config] do\n    sh 'make -s'\n  end\nend\n\n"
    "task :ci => ['test:ci']\ntask :default => [:clobber, :all]\n"
    "task :style => ['style:check']\n"
)


def test_a_rakefile_below_the_root_runs_the_tasks_of_its_test_namespace(
    make_subject: MakeSubject,
) -> None:
    files = {
        "src/unity.c": "int unity(void) { return 0; }\n",
        "CMakeLists.txt": "project(u C)\nadd_library(u src/unity.c)\n",
        "test/rakefile": NAMESPACED,
        "test/tests/test_unity.c": "int main(void) { return 0; }\n",
        ".github/workflows/main.yml": workflow(job("ubuntu-latest", "cd test && rake ci")),
    }
    assert chosen(make_subject, files) == (
        ("cd test && rake ci", ".github/workflows/main.yml", 7, "ci"),
        True,
    )
    # `rake style` runs no test task; nor does a root `rake ci` where the root has no Rakefile
    for step in ("cd test && rake style", "rake ci"):
        files[".github/workflows/main.yml"] = workflow(job("ubuntu-latest", step))
        subject = make_subject(files)
        assert step not in [c.text for c in subject.facts.test_commands]
