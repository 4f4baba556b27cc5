import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: Number(process.env.WEB_PORT) || 5173 },
  base: process.env.PUBLIC_BASE_PATH || '/',
});
