// A real server on a loopback port over a real workspace, called with a real HTTP client.
#include "server/server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>

#include "access/totp.h"
#include "app/access.h"
#include "app/cases.h"
#include "app/entities.h"
#include "app/workspace.h"
#include "core/json.h"
#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassword[] = "a long test password";
constexpr char kCase[] = "MA-2026-0001";
constexpr char kOtherCase[] = "MA-2026-0002";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = app::InitWorkspace(dir_.Sub("ws"), {"setup"});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    for (const char* reference : {kCase, kOtherCase}) {
      ASSERT_THAT(app::CreateCase(*store_, {"setup"},
                                  {reference, "", "ma", "", {"tip"}, "open", "BNPJ"}),
                  IsOk());
    }
    suspect_ = AddPerson("Karim Suspect");
    victim_ = AddPerson("Amina Victim");
    outsider_ = AddPerson("Other Case Person");
    ASSERT_THAT(app::AssignToCase(*store_, {"setup"}, kCase, suspect_, "suspect"), IsOk());
    ASSERT_THAT(app::AssignToCase(*store_, {"setup"}, kCase, victim_, "victim"), IsOk());
    ASSERT_THAT(app::AssignToCase(*store_, {"setup"}, kOtherCase, outsider_, "suspect"), IsOk());
    AddUser("admin", "administrator", "it");
    AddUser("inv", "investigator", "police");
    AddUser("inv.granted", "investigator", "police");
    AddUser("analyst", "analyst", "fiu");
    AddUser("ngo", "ngo_caseworker", "ngo");
    ASSERT_THAT(app::AddCaseMembership(*store_, {"setup"}, "inv", kCase), IsOk());
    ASSERT_THAT(app::AddCaseMembership(*store_, {"setup"}, "inv.granted", kCase), IsOk());
    ASSERT_THAT(app::GrantVictimIdentities(*store_, {"setup"}, "inv.granted", kCase,
                                           "victim hearing"),
                IsOk());
    ASSERT_THAT(app::AddCaseMembership(*store_, {"setup"}, "analyst", kOtherCase), IsOk());
    server_ = std::make_unique<Server>(ServerOptions{.workspace = dir_.Sub("ws"), .port = 0, .access_log = false});
    ASSERT_THAT(server_->Start(), IsOk());
  }

  std::string AddPerson(const std::string& name) {
    auto entity = app::AddEntity(*store_, {"setup"}, {"Person", {"name=" + name}});
    EXPECT_THAT(entity, IsOk());
    return entity.ok() ? entity->id.value() : "";
  }

  void AddUser(const std::string& name, const std::string& role, const std::string& kind) {
    ASSERT_THAT(app::CreateUser(*store_, {"setup"},
                                {name, role, "agency-" + kind, kind == "it" ? "other" : kind,
                                 kPassword, false}),
                IsOk());
  }

  httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(20, 0);
    return client;
  }

  // Signs in; returns the cookie header and the CSRF token.
  std::pair<std::string, std::string> Login(const std::string& user) {
    auto client = Client();
    auto response = client.Post("/api/login",
                                Json{{"user", user}, {"password", kPassword}}.dump(),
                                "application/json");
    EXPECT_TRUE(response);
    if (!response) return {};
    EXPECT_EQ(response->status, 200) << response->body;
    const std::string set_cookie = response->get_header_value("Set-Cookie");
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    return {cookie, ParseJson(response->body)->value("csrf_token", "")};
  }

  httplib::Result Get(const std::string& user, const std::string& path) {
    auto [cookie, csrf] = Login(user);
    return Client().Get(path.c_str(), {{"Cookie", cookie}});
  }

  int64_t CountEvents(const std::string& action) {
    auto events = store_->ListAuditEvents(1, 1'000'000);
    int64_t count = 0;
    for (const auto& event : *events) count += event.action == action;
    return count;
  }

  ::tafkik::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Server> server_;
  std::string suspect_, victim_, outsider_;
};

TEST_F(ServerTest, HealthAndSecurityHeadersOnEveryResponse) {
  auto client = Client();
  for (const char* path : {"/api/health", "/api/no-such-route", "/api/me"}) {
    auto response = client.Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(response->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_THAT(response->get_header_value("Content-Security-Policy"),
                HasSubstr("default-src 'self'")) << path;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "no-store") << path;
  }
  auto health = client.Get("/api/health");
  EXPECT_EQ(health->status, 200);
  auto missing = client.Get("/api/no-such-route");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ParseJson(missing->body)->at("error").at("code"), "NOT_FOUND");
  auto anonymous = client.Get("/api/me");
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(ParseJson(anonymous->body)->at("error").at("code"), "UNAUTHENTICATED");
}

TEST_F(ServerTest, LoginSetsAHardenedCookieAndWrongPasswordsLookLikeUnknownUsers) {
  auto client = Client();
  auto ok = client.Post("/api/login", Json{{"user", "inv"}, {"password", kPassword}}.dump(),
                        "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200);
  const std::string cookie = ok->get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, Not(HasSubstr("Secure")));  // plain HTTP on loopback
  auto wrong = client.Post("/api/login", Json{{"user", "inv"}, {"password", "wrong!"}}.dump(),
                           "application/json");
  auto unknown = client.Post("/api/login", Json{{"user", "zz"}, {"password", "wrong!"}}.dump(),
                             "application/json");
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(wrong->body, unknown->body);
  auto form = client.Post("/api/login", "user=inv&password=x", "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 400);
  // Two logins give two different session ids.
  EXPECT_NE(Login("inv").first, Login("inv").first);
}

TEST_F(ServerTest, StateChangesNeedTheCsrfToken) {
  auto [cookie, csrf] = Login("inv");
  auto client = Client();
  auto refused = client.Post("/api/logout", {{"Cookie", cookie}}, "{}", "application/json");
  EXPECT_EQ(refused->status, 403);
  auto forged = client.Post("/api/logout", {{"Cookie", cookie}, {"X-CSRF-Token", "0" + csrf.substr(1)}},
                            "{}", "application/json");
  EXPECT_EQ(forged->status, 403);
  auto accepted = client.Post("/api/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "{}",
                              "application/json");
  EXPECT_EQ(accepted->status, 200);
  EXPECT_EQ(client.Get("/api/me", {{"Cookie", cookie}})->status, 401);  // signed out
}

TEST_F(ServerTest, CasesShowOnlyToMembersAndVictimsArePseudonymised) {
  auto listed = Get("inv", "/api/cases");
  ASSERT_EQ(listed->status, 200);
  auto cases = ParseJson(listed->body)->at("cases");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].at("reference"), kCase);

  auto shown = Get("inv", std::string("/api/cases/") + kCase);
  ASSERT_EQ(shown->status, 200) << shown->body;
  EXPECT_THAT(shown->body, HasSubstr("Karim Suspect"));
  EXPECT_THAT(shown->body, Not(HasSubstr("Amina")));
  EXPECT_THAT(shown->body, HasSubstr("\"pseudonymised\":true"));

  const int64_t denied_before = CountEvents("access.denied");
  auto foreign = Get("inv", std::string("/api/cases/") + kOtherCase);
  auto absent = Get("inv", "/api/cases/XX-0000-0000");
  EXPECT_EQ(foreign->status, 404);
  EXPECT_EQ(absent->status, 404);
  EXPECT_EQ(CountEvents("access.denied"), denied_before + 2);
}

TEST_F(ServerTest, GrantedIdentitiesNeedAPurposeAndEveryRevealIsAudited) {
  auto without_purpose = Get("inv.granted", std::string("/api/cases/") + kCase);
  EXPECT_EQ(without_purpose->status, 400);
  EXPECT_THAT(without_purpose->body, HasSubstr("purpose"));
  const int64_t reads_before = CountEvents("entity.read");
  auto with_purpose =
      Get("inv.granted", std::string("/api/cases/") + kCase + "?purpose=hearing%20on%202026-12-01");
  ASSERT_EQ(with_purpose->status, 200);
  EXPECT_THAT(with_purpose->body, HasSubstr("Amina Victim"));
  EXPECT_EQ(CountEvents("entity.read"), reads_before + 1);
  auto events = store_->ListAuditEvents(1, 1'000'000);
  EXPECT_THAT(events->back().details, HasSubstr("hearing on 2026-12-01"));
}

TEST_F(ServerTest, WalkingEntityIdsLeaksNothing) {
  auto mine = Get("inv", "/api/entities/" + suspect_);
  EXPECT_EQ(mine->status, 200);
  auto victim = Get("inv", "/api/entities/" + victim_);
  ASSERT_EQ(victim->status, 200);
  EXPECT_THAT(victim->body, Not(HasSubstr("Amina")));
  auto foreign = Get("inv", "/api/entities/" + outsider_);
  auto absent = Get("inv", "/api/entities/" + std::string(40, 'a'));
  ASSERT_EQ(foreign->status, 404);
  ASSERT_EQ(absent->status, 404);
  // The same message shape: only the id differs.
  std::string foreign_message = ParseJson(foreign->body)->at("error").at("message");
  std::string absent_message = ParseJson(absent->body)->at("error").at("message");
  EXPECT_EQ(foreign_message, "entity " + outsider_ + " not found");
  EXPECT_EQ(absent_message, "entity " + std::string(40, 'a') + " not found");
  auto search = Get("inv", "/api/search?q=Karim");
  EXPECT_THAT(search->body, HasSubstr(suspect_));
  EXPECT_THAT(Get("inv", "/api/search?q=Amina")->body, Not(HasSubstr(victim_)));
  EXPECT_THAT(Get("inv", "/api/search?q=Other")->body, Not(HasSubstr(outsider_)));
}

// role x endpoint x ownership: the expected status of each GET for each user.
TEST_F(ServerTest, RoleEndpointOwnershipMatrix) {
  const std::string own_case = std::string("/api/cases/") + kCase;
  const std::string other_case = std::string("/api/cases/") + kOtherCase;
  const std::string own_entity = "/api/entities/" + suspect_;
  const std::string other_entity = "/api/entities/" + outsider_;
  const std::vector<std::string> endpoints = {"/api/cases", own_case, other_case, own_entity,
                                              other_entity, "/api/users", "/api/audit/verify"};
  const std::map<std::string, std::vector<int>> expected = {
      {"admin", {200, 404, 404, 404, 404, 200, 200}},
      {"inv", {200, 200, 404, 200, 404, 403, 403}},
      {"analyst", {200, 404, 200, 404, 200, 403, 403}},
      {"ngo", {403, 404, 404, 404, 404, 403, 403}},
  };
  for (const auto& [user, statuses] : expected) {
    auto [cookie, csrf] = Login(user);
    auto client = Client();
    for (size_t index = 0; index < endpoints.size(); ++index) {
      auto response = client.Get(endpoints[index].c_str(), {{"Cookie", cookie}});
      ASSERT_TRUE(response);
      EXPECT_EQ(response->status, statuses[index]) << user << " GET " << endpoints[index];
    }
  }
}

TEST_F(ServerTest, AdministratorsManageUsersAndTotpIsEnforced) {
  auto [cookie, csrf] = Login("admin");
  auto client = Client();
  auto created = client.Post("/api/users", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                             Json{{"name", "prosecutor1"}, {"role", "prosecutor"},
                                  {"agency", "parquet-rabat"}, {"agency_kind", "prosecution"},
                                  {"password", kPassword}, {"second_factor", true}}
                                 .dump(),
                             "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string secret = ParseJson(created->body)->value("totp_secret", "");
  ASSERT_EQ(secret.size(), 32u);
  auto [pending_cookie, pending_csrf] = Login("prosecutor1");
  EXPECT_EQ(client.Get("/api/cases", {{"Cookie", pending_cookie}})->status, 401);
  auto code = access::TotpCode(secret, Timestamp::Now());
  auto done = client.Post("/api/login/second-factor",
                          {{"Cookie", pending_cookie}, {"X-CSRF-Token", pending_csrf}},
                          Json{{"code", *code}}.dump(), "application/json");
  ASSERT_EQ(done->status, 200) << done->body;
  const std::string set_cookie = done->get_header_value("Set-Cookie");
  const std::string new_cookie = set_cookie.substr(0, set_cookie.find(';'));
  EXPECT_NE(new_cookie, pending_cookie);
  EXPECT_EQ(client.Get("/api/cases", {{"Cookie", new_cookie}})->status, 200);
  EXPECT_EQ(client.Get("/api/cases", {{"Cookie", pending_cookie}})->status, 401);
}

TEST_F(ServerTest, OversizedBodiesAreRefusedAndTheApiIsDescribed) {
  auto client = Client();
  auto huge = client.Post("/api/login", std::string(9 << 20, 'x'), "application/json");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  auto description = client.Get("/api/openapi.json");
  ASSERT_EQ(description->status, 200);
  Json document = *ParseJson(description->body);
  EXPECT_EQ(document.at("openapi"), "3.0.3");
  for (const char* path : {"/api/login", "/api/cases/{reference}", "/api/entities/{id}",
                           "/api/users", "/api/audit/verify"}) {
    EXPECT_TRUE(document.at("paths").contains(path)) << path;
  }
}

}  // namespace
}  // namespace tafkik::server
