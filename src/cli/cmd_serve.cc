// tafkik serve
#include <csignal>
#include <iostream>

#include "cli/cli.h"
#include "server/server.h"

namespace tafkik::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string certificate;
  std::string key;
  std::string web_root;
};

Result<server::ServerOptions> ParseServeOptions(const Context& context,
                                                const ServeOptions& options) {
  const size_t colon = options.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgumentError("--listen '" + options.listen + "' is not HOST:PORT");
  }
  server::ServerOptions out;
  out.workspace = context.global.workspace;
  out.host = options.listen.substr(0, colon);
  try {
    out.port = std::stoi(options.listen.substr(colon + 1));
  } catch (const std::exception&) {
    return InvalidArgumentError("--listen '" + options.listen + "': the port is not a number");
  }
  if (out.port < 0 || out.port > 65535) {
    return InvalidArgumentError("--listen '" + options.listen + "': port out of range");
  }
  out.certificate_file = options.certificate;
  out.key_file = options.key;
  out.web_root = options.web_root;
  return out;
}

Status RunServe(const Context& context, const ServeOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(server::ServerOptions server_options,
                          ParseServeOptions(context, options));
  // SIGINT and SIGTERM are taken by sigwait below; worker threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  server::Server server(server_options);
  TAFKIK_RETURN_IF_ERROR(server.Start());
  std::cerr << "tafkik serve: listening on " << (server.tls() ? "https" : "http") << "://"
            << server_options.host << ":" << server.port() << "/ (workspace "
            << server_options.workspace << "); Ctrl-C stops\n";
  int received = 0;
  sigwait(&signals, &received);
  std::cerr << "tafkik serve: stopping\n";
  server.Stop();
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "serve", "Serve the workspace over HTTP(S): the JSON API (/api/openapi.json) and the web "
               "application");
  auto options = std::make_shared<ServeOptions>();
  command->add_option("--listen", options->listen,
                      "HOST:PORT to listen on (default 127.0.0.1:8080, loopback only)");
  command->add_option("--certificate", options->certificate, "TLS certificate (PEM)");
  command->add_option("--key", options->key, "TLS private key (PEM)");
  command->add_option("--web", options->web_root,
                      "Folder of the built web application (default: none, API only)");
  SetAction(command, context, options, &RunServe);
}

}  // namespace tafkik::cli
