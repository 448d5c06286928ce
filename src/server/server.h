// `tafkik serve`: the HTTP/JSON API over a workspace, with logins, sessions, CSRF
// protection, security headers and the authorisation of access/policy.h on every route,
// and the web application's static files. Loopback by default; TLS when given a
// certificate and key. Start() returns once the port is bound; requests are served on a
// pool of threads, each with its own Store on the workspace. Stop() may be called from any
// thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "core/status.h"

namespace tafkik::server {

struct ServerOptions {
  std::string workspace;            // the workspace folder (required; must exist)
  std::string host = "127.0.0.1";   // loopback unless the operator says otherwise
  int port = 8080;                  // 0: any free port (see Server::port())
  std::string certificate_file;     // PEM; with key_file, serve HTTPS only
  std::string key_file;
  std::string web_root;             // the built web application; "" = none (API only)
  size_t max_request_bytes = 8 << 20;  // larger bodies get 413
  bool access_log = true;           // one line per request on stderr: method, path, status
};

class ServerImpl;

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();  // stops

  // Opens the workspace once (so that a missing or newer workspace fails here), binds the
  // port and starts serving in the background. Unavailable when the port cannot be bound;
  // InvalidArgument when only one of certificate and key is given.
  Status Start();
  int port() const;
  bool tls() const;
  // Blocks until Stop().
  void Wait();
  void Stop();

 private:
  std::unique_ptr<ServerImpl> impl_;
};

}  // namespace tafkik::server
