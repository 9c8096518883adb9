# syntax=docker/dockerfile:1
# One Dockerfile, two images (docker-compose.yml picks them by target):
#   docker build --target backend      -t clinic-backend .   # the clinic API (src/Clinic.Api), port 8000
#   docker build --target telegram_bot -t clinic-bot .       # the bot (src/Clinic.Bot), webhook port 8080

# ---- build: restore once per change of a project file, then publish both apps ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
# Every project the API and the bot reference (tests/Clinic.Deployment.Tests checks this list is complete).
COPY src/Clinic.Contracts/Clinic.Contracts.csproj src/Clinic.Contracts/
COPY src/Clinic.Api/Clinic.Api.csproj src/Clinic.Api/
COPY src/Clinic.Bot/Clinic.Bot.csproj src/Clinic.Bot/
RUN dotnet restore src/Clinic.Api/Clinic.Api.csproj && dotnet restore src/Clinic.Bot/Clinic.Bot.csproj
COPY src/ src/
RUN dotnet publish src/Clinic.Api/Clinic.Api.csproj -c Release --no-restore -o /out/backend \
 && dotnet publish src/Clinic.Bot/Clinic.Bot.csproj -c Release --no-restore -o /out/telegram_bot

# ---- runtime: ASP.NET on Ubuntu (ICU included: ru-KZ/kk-KZ formatting needs it, so no alpine/invariant) ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Visit times are shown in each branch's zone (Asia/Almaty, Asia/Aqtobe...): the zone database must be present.
RUN if [ ! -e /usr/share/zoneinfo/Asia/Almaty ]; then \
      apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*; \
    fi \
 && test -e /usr/share/zoneinfo/Asia/Almaty
WORKDIR /app
# data/ holds the SQLite file, stored documents and the bot's state file; the only place the app writes.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# The image's non-root user (APP_UID=1654, "app"); the published files stay root-owned and read-only to it.
USER $APP_UID
ENV TZ=UTC

FROM runtime AS backend
COPY --from=build /out/backend ./
ENV ASPNETCORE_HTTP_PORTS=8000
EXPOSE 8000
VOLUME ["/app/data"]
# The image has no curl or wget: the app asks its own /health/live (exit 0 on 200). Liveness only: readiness is /health/ready.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "Clinic.Api.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Clinic.Api.dll"]

FROM runtime AS telegram_bot
COPY --from=build /out/telegram_bot ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# Liveness (/health/live): the bot's process answers. Whether the clinic API answers it is readiness, /health/ready.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "Clinic.Bot.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Clinic.Bot.dll"]
