"""The calls a reporting script makes with the `jira` client library, against the host's demo.

Expected values come from the demo dataset (DEMO.md): one project DEMO, one Scrum board
"DEMO board" with four sprints, 24 issues DEMO-1..DEMO-24.
"""
import pytest
from jira import JIRA, JIRAError
from jira.resources import Issue, Resource


@pytest.fixture(scope="module")
def jira(host_url):
    # Default options: the client reads serverInfo first to learn the version and deployment.
    return JIRA(server=host_url, basic_auth=("alice", "alice"))


def count_searches(client):
    """Records the method of every request the client makes to /rest/api/2/search."""
    calls = []

    def hook(response, *args, **kwargs):
        if "/rest/api/2/search" in response.url:
            calls.append(response.request.method)

    client._session.hooks["response"].append(hook)
    return calls


@pytest.fixture()
def search_calls(jira):
    calls = count_searches(jira)
    yield calls
    jira._session.hooks["response"].clear()


def test_connects_with_default_options_as_a_server_deployment(jira, host_url):
    info = jira.server_info()
    assert info["deploymentType"] == "Server"
    assert info["versionNumbers"][:2] == [10, 3]
    assert info["baseUrl"] == host_url
    assert jira.current_user() == "alice"
    assert jira.myself()["displayName"] == "Alice Andersen"


def test_lists_projects_and_reads_one(jira):
    projects = jira.projects()
    assert [p.key for p in projects] == ["DEMO"]
    demo = jira.project("DEMO")
    assert demo.name == "Demo Project"
    assert [v.name for v in demo.versions] == ["1.0", "1.1", "2.0"]
    assert {t.name for t in jira.issue_types()} == {"Story", "Bug", "Task", "Sub-task"}
    assert [s.name for s in jira.statuses()] == ["To Do", "In Progress", "Done"]
    assert "Medium" in [p.name for p in jira.priorities()]


def test_lists_boards_and_their_sprints(jira):
    boards = jira.boards()
    assert [(b.id, b.name, b.type) for b in boards] == [(1, "DEMO board", "scrum")]
    assert [b.id for b in jira.boards(projectKeyOrID="DEMO")] == [1]
    assert list(jira.boards(type="kanban")) == []
    sprints = jira.sprints(1)
    assert [(s.id, s.name, s.state) for s in sprints] == [
        (1, "DEMO Sprint 1", "closed"), (2, "DEMO Sprint 2", "closed"),
        (3, "DEMO Sprint 3", "active"), (4, "DEMO Sprint 4", "future")]
    assert [s.name for s in jira.sprints(1, state="active")] == ["DEMO Sprint 3"]
    assert jira.sprint(3).goal == "Plan the release with real capacity"


def test_searches_by_jql_page_by_page(jira, search_calls):
    keys, start = [], 0
    while True:
        page = jira.search_issues("project = DEMO ORDER BY key ASC", startAt=start, maxResults=5,
                                  fields="summary,assignee")
        assert page.total == 24
        keys += [issue.key for issue in page]
        start += len(page)
        if not len(page) or start >= page.total:
            break
    assert keys == [f"DEMO-{n}" for n in range(1, 25)]
    assert search_calls.count("GET") == 5


def test_fetches_every_page_itself_when_asked_for_all(host_url):
    # maxResults=False makes the client page through the whole result in batches of 4.
    client = JIRA(server=host_url, basic_auth=("bob", "bob"), default_batch_sizes={Issue: 4, Resource: 4})
    search_calls = count_searches(client)
    mine = client.search_issues("assignee = currentUser() ORDER BY key DESC", maxResults=False, fields="summary")
    assert [i.key for i in mine] == ["DEMO-21", "DEMO-12", "DEMO-11", "DEMO-2"]
    everything = client.search_issues("sprint in openSprints() OR sprint in closedSprints()", maxResults=False,
                                      fields="summary")
    assert len(everything) == 24
    assert search_calls.count("GET") == 1 + 6, "one page for bob's four issues, six of four for all 24"


def test_post_search_and_jql_field_names(jira):
    found = jira.search_issues('sprint = "DEMO Sprint 3" AND statusCategory != Done AND assignee IS EMPTY',
                               fields=["summary", "Story Points"], use_post=True)
    assert [i.key for i in found] == ["DEMO-18", "DEMO-19"]
    # The client translated the JQL name "Story Points" through GET /field and added it back.
    assert found[0].raw["fields"]["Story Points"] is None


def test_reads_an_issue_with_estimates_parent_and_subtasks(jira):
    story = jira.issue("DEMO-8")
    assert story.fields.summary == "Days off per person"
    assert story.fields.assignee.name == "alice"
    assert story.fields.status.statusCategory.key == "indeterminate"
    assert [s.key for s in story.fields.subtasks] == ["DEMO-9", "DEMO-10"]
    assert story.fields.timetracking.remainingEstimateSeconds == 6 * 3600
    assert story.fields.customfield_10106 == 5.0
    assert [v.name for v in story.fields.fixVersions] == ["1.1"]
    assert "name=DEMO Sprint 3" in story.fields.customfield_10104[0]
    subtask = jira.issue("DEMO-9", fields="parent,issuetype")
    assert subtask.fields.parent.key == "DEMO-8"
    assert subtask.fields.issuetype.subtask is True


def test_errors_come_back_as_jira_errors(jira):
    with pytest.raises(JIRAError) as missing:
        jira.issue("DEMO-999")
    assert missing.value.status_code == 404
    with pytest.raises(JIRAError) as unsupported:
        jira.search_issues("summary ~ capacity")
    assert unsupported.value.status_code == 400
    assert "'summary ~ capacity'" in unsupported.value.text
