/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  output: process.env.NEXT_OUTPUT === 'export' ? 'export' : 'standalone',
  images: { domains: [process.env.IMAGES_DOMAIN || 'images.example.test'] },
  env: {
    BUILD_ID: process.env.VERCEL_GIT_COMMIT_SHA ?? 'local',
  },
};
