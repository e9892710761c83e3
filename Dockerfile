# quota-keys in a container, for CI systems that run jobs in images: Node 24 on Alpine, the bundled
# CLI (dist/cli.js and dist/cli/, no node_modules: the bundle carries its dependencies), a non-root
# user, `quota-keys` as the entrypoint.
#
#   docker build -t quota-keys .     (after npm run build, which makes dist/)
#   docker run --rm --user "$(id -u)" -e ADMIN_TOKEN -v "$PWD:/work" quota-keys batch --count 10 --url https://quota.example.com
#   (--user: the CSV in your folder is yours; any id works, nothing is written outside /work but /tmp)
#
# GitLab runs a job's script in the image's shell: use `image: { name: quota-keys, entrypoint: [""] }`
# and call `quota-keys …` (the component's `tool: quota-keys`).
FROM node:24-alpine

LABEL org.opencontainers.image.title="quota-keys" \
      org.opencontainers.image.description="Issue, list, report on, reset, delete and rotate quota-proxy trial keys" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production
WORKDIR /opt/quota-keys
COPY LICENSE ./
COPY dist/package.json dist/cli.js dist/
COPY dist/cli/ dist/cli/
# The CSV goes to the working directory: one the non-root user may write to.
RUN ln -s /opt/quota-keys/dist/cli.js /usr/local/bin/quota-keys \
    && mkdir -p /work \
    && chown node:node /work

USER node
WORKDIR /work
ENTRYPOINT ["quota-keys"]
CMD ["--help"]
